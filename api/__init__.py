"""HTTP API of techsec-brief (FastAPI): a thin layer over the ``rag`` core. Entry point: :func:`api.main.create_app`."""
