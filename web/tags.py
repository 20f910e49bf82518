"""The tag list of a catalogue (challenges, questions): every tag once, sorted."""


def all_tags(items) -> list[str]:
    return sorted({tag for item in items for tag in item.tags})
