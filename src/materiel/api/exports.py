"""GET /api/v1/export: a streamed export of the events under the same filters as /events."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from materiel.api.params import event_query, settings_of, store_of
from materiel.export import FORMATS, ExportOptions, export_stream, media_type, suffix
from materiel.store.query import EventQuery
from materiel.store.repository import Store

router = APIRouter()
MANIFEST_HEADER = "X-Materiel-Manifest"


# one media type per format; the manifest rides in a header
_FILE = {"description": "The file, streamed; the manifest (query, time, the database's last "
                        f"change) in the {MANIFEST_HEADER} header",
         "content": {media_type(fmt): {"schema": {"type": "string", "format": "binary"}}
                     for fmt in FORMATS},
         "headers": {MANIFEST_HEADER: {"description": "The export's manifest, as JSON",
                                       "schema": {"type": "string"}}}}


@router.get("/export", summary="Every event under the filters, as a file (streamed)",
            response_class=StreamingResponse, responses={200: _FILE})
def export(
    request: Request,
    store: Annotated[Store, Depends(store_of)],
    query: Annotated[EventQuery, Depends(event_query)],
    format: Annotated[str, Query(description=f"One of {', '.join(FORMATS)}.")] = "csv",
    rows: Annotated[str, Query(description="CSV/XLSX: a row per 'event' or per 'arg'.")]
    = "event",
    bom: Annotated[bool, Query(description="CSV: begin with a UTF-8 byte-order mark.")]
    = False,
) -> StreamingResponse:
    settings = settings_of(request)
    base = settings.base_url or str(request.base_url)
    options = ExportOptions(rows=rows, bom=bom, base_url=base, title=settings.title)
    manifest, stream = export_stream(store, query, format, options)
    headers = {
        # the manifest before the data; its row count is only known at the end
        MANIFEST_HEADER: json.dumps(manifest, ensure_ascii=True),
        "Content-Disposition": f'attachment; filename="events{suffix(format)}"',
    }
    return StreamingResponse(stream, media_type=media_type(format), headers=headers)
