def split_lines(text: str) -> list[str]:
    """Non-empty, stripped lines: how staff enter list items ("one per line")."""
    lines = (line.strip().lstrip("-•").strip() for line in text.splitlines())
    return [line for line in lines if line]
