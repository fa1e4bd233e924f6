"""Reading articles: files, folders, JSONL feeds, HTML pages; cleaning; duplicates."""
