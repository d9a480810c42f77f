"""Store: where articles, mentions and events live. ``open_store(url)`` picks the backend."""
