def split_lines(text: str) -> list[str]:
    """Non-empty, stripped lines: how staff enter list items ("one per line")."""
    return [line.strip().lstrip("-•").strip() for line in text.splitlines() if line.strip().lstrip("-•").strip()]
