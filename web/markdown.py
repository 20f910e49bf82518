"""Markdown to safe HTML: markdown-it for the syntax, nh3 to strip anything dangerous.

Maths written as $...$ or $$...$$ becomes a span/div holding the TeX, typeset in the browser
by KaTeX. Everything passes through the sanitiser, whoever wrote it.
"""
import html

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup
from mdit_py_plugins.dollarmath import dollarmath_plugin

ALLOWED_TAGS = {"p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "code",
                "pre", "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr",
                "th", "td", "span", "div", "del", "sup", "sub", "img"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"},
                      "th": {"align"}, "td": {"align"}}
# class attributes are governed by ALLOWED_CLASSES alone (nh3 forbids listing both)
ALLOWED_CLASSES = {"span": {"math", "inline"}, "div": {"math", "block"},
                   "code": {"language-python", "language-text", "language-json"}}


def _math_inline(_renderer, tokens, idx, _options, _env) -> str:
    return f'<span class="math inline">{html.escape(tokens[idx].content)}</span>'


def _math_block(_renderer, tokens, idx, _options, _env) -> str:
    return f'<div class="math block">{html.escape(tokens[idx].content)}</div>\n'


def _parser(allow_html: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": allow_html}).enable("table").enable("strikethrough")
    md.use(dollarmath_plugin, double_inline=True)
    md.add_render_rule("math_inline", _math_inline)
    md.add_render_rule("math_inline_double", _math_block)
    md.add_render_rule("math_block", _math_block)
    md.add_render_rule("math_block_label", _math_block)
    return md


_TRUSTED = _parser(allow_html=True)  # our own content may use a little HTML
_UNTRUSTED = _parser(allow_html=False)  # users' text: raw HTML is shown as text


def render_markdown(text: str, *, trusted: bool = False) -> Markup:
    """Sanitised HTML for `text`; links get rel=noopener, scripts and handlers never survive."""
    raw = (_TRUSTED if trusted else _UNTRUSTED).render(text or "")
    clean = nh3.clean(raw, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                      allowed_classes=ALLOWED_CLASSES, url_schemes={"http", "https", "mailto"},
                      link_rel="noopener noreferrer nofollow")
    return Markup(clean)
