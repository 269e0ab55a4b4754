"""One Jinja environment for every output: the user's template folder first, then the built-in templates.

HTML templates autoescape; every template runs with StrictUndefined, so a misspelt variable is an error rather
than a silent blank in a published brief.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import jinja2

from rfaflow.brief import Brief
from rfaflow.errors import OutputError, TemplateFailure, from_os_error, terminal_text
from rfaflow.formats import FORMATS
from rfaflow.languages import resolve
from rfaflow.story import inline_html, inline_md, link_path, markdown_escape, story_html, story_md


def builtin_templates() -> Path:
    """templates/ ships inside the wheel as rfaflow/templates; in a source checkout it sits beside rfaflow/."""
    packaged = Path(__file__).parent / "templates"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "templates"


def _language_name(tag: str | None) -> str:
    """"Khmer" for a manifest's "km"; a tag the registry does not know (an older manifest's), as it is."""
    language = resolve(tag)
    return language.name if language else tag or ""


def environment(template_dir: Path | None = None) -> jinja2.Environment:
    search = ([str(template_dir)] if template_dir else []) + [str(builtin_templates())]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(search),
        autoescape=lambda name: name is not None and ".html" in name,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # `printable`: a file name or message shown on one line, its control characters escaped.
    env.filters.update(md=markdown_escape, inline_md=inline_md, inline_html=inline_html, story_md=story_md,
                       story_html=story_html, link_path=link_path, printable=terminal_text,
                       language_name=_language_name)
    return env


def render_template(env: jinja2.Environment, name: str, **context: Any) -> str:
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateNotFound:
        searched = ", ".join(getattr(env.loader, "searchpath", []))
        raise TemplateFailure(f"template '{name}' not found in {searched}") from None
    except jinja2.TemplateSyntaxError as err:
        raise TemplateFailure(f"template syntax error on line {err.lineno}: {err.message}", err.filename) from None
    except jinja2.UndefinedError as err:
        raise TemplateFailure(f"template '{name}' uses an undefined value: {err.message}") from None


def render_brief(brief: Brief, output_format: str, env: jinja2.Environment) -> str:
    return render_template(env, FORMATS[output_format], brief=brief)


def write_atomically(path: Path, text: str) -> None:
    """Write to a temp file beside `path`, then rename: a reader never sees a half-written brief, and a failed
    write (a full disk, a read-only folder) leaves what was there before. Failures are one-line OutputErrors."""
    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(temp, 0o644)  # mkstemp's 0600 would hide the brief from the rest of the desk
        os.replace(temp, path)
    except OSError as err:
        raise from_os_error(err, path, OutputError, "cannot write") from None
    finally:
        if temp is not None and os.path.exists(temp):
            Path(temp).unlink(missing_ok=True)
