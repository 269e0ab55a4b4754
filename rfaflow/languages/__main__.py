"""`python -m rfaflow.languages`: the registry as the Markdown table README's draft-format section holds (a test
keeps the two equal)."""

from rfaflow.languages import DEFAULT_SOURCE, SOURCE_LANGUAGES


def markdown_table() -> str:
    rows = ["| `language:` | Language | Script | Argos code | FLORES-200 code |", "|---|---|---|---|---|"]
    for language in SOURCE_LANGUAGES:
        default = " (the default)" if language is DEFAULT_SOURCE else ""
        scripts = ", ".join(script.name for script in language.scripts)
        indexed = "" if language.argos_indexed else " (not in the Argos index)"
        rows.append(f"| `{language.tag}` | {language.name}{default} | {scripts} | `{language.argos}`{indexed} | "
                    f"`{language.flores}` |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
