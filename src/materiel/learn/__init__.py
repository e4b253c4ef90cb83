"""Learned components, trained on our own annotations of real news (never on the
development gold), and the command that retrains them all:

    python -m materiel.learn [COMPONENT ...]

Each component module has `train(out_dir) -> dict` (writes its model files, returns the
figures it measured) and a loader used at run time; the trained files ship in
`materiel/data/models/` with their scores (`scores.json`).
"""

MODELS_DIR_NAME = "models"
