"""Starting a Ray cluster on this machine, or joining one, for the length of a job.

Runs offline: no dashboard, no usage statistics, and a small object store (a job keeps only
a few partitions in flight).
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager

OBJECT_STORE_BYTES = 200 * 1024**2  # a few partitions of a few MB each are ever out


class ClusterError(Exception):
    """The cluster cannot run the job as asked."""


@contextmanager
def ray_cluster(address: str | None, workers: int | None) -> Iterator[int]:
    """Join the Ray cluster at `address`, or (None) start one here with `workers` CPUs (None:
    all of this machine's), and yield the number of actors to run: `workers`, or one per
    CPU of the cluster.  Shuts down what it started; a Ray the caller set up is used as it
    is and left running."""
    import ray

    started = not ray.is_initialized()
    if started:
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # never call home
        if address is None:
            # "local": a new cluster, never one that `ray start` left running here; its
            # token is made and used here, so Ray's warning about it is left out
            ray.init(address="local", num_cpus=workers or os.cpu_count() or 1,
                     include_dashboard=False, object_store_memory=OBJECT_STORE_BYTES,
                     log_to_driver=False, logging_level=logging.ERROR)
        else:
            check_reachable(address)
            ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
    try:
        cpus = int(ray.cluster_resources().get("CPU", 0))
        if workers is not None and workers > cpus:
            raise ClusterError(f"{workers} workers asked for, but the Ray cluster has "
                               f"{cpus} CPUs (each worker takes one)")
        yield workers or max(cpus, 1)
    finally:
        if started:
            ray.shutdown()


def check_reachable(address: str, seconds: float = 10.0) -> None:
    """Fail at once when nothing answers at a HOST:PORT address (Ray would wait forever);
    other forms ("auto", "ray://...") are left to Ray."""
    host, sep, port = address.rpartition(":")
    if not sep or "://" in address or not port.isdigit():
        return
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=seconds).close()
    except OSError as exc:
        raise ClusterError(f"nothing answers at {address} ({exc}): is the cluster's head "
                           "running there (ray start --head)?") from exc


def single_machine() -> bool:
    """Whether every node of the cluster is this machine (a SQLite file here is then
    reachable from all workers)."""
    import ray

    here = ray.util.get_node_ip_address()
    return {node["NodeManagerAddress"] for node in ray.nodes() if node["Alive"]} == {here}
