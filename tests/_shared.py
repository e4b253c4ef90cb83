"""Where the shared evaluation material lives: $MATERIEL_SHARED, else ../shared next to the
repository. Tests that read it are skipped when it is absent."""

import os
from pathlib import Path

SHARED = Path(os.environ.get("MATERIEL_SHARED")
              or Path(__file__).resolve().parents[1].parent / "shared")
