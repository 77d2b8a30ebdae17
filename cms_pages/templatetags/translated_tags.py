"""Template side of cms_pages.translated_text: print a translated field, marked if foreign.

{% translated page "title" %}                 the title, or the other language's, marked
{% translated page "seo_title" "title" %}     the first filled, the page's language first
{% translated event "description" linebreaks=True %}
{{ item.title|marked }}                       a TranslatedText made in Python, marked
{% translated page "title" as title %}        in an attribute: {{ title|as_text }},
                                              and {{ title|lang_attribute }} on its element
{% translated_block page "body" %}...{% endtranslated_block %}   longer text: a notice above
{% translated_block leader "surname" inline %}...{% endtranslated_block %}   in a heading
"""

from django import template
from django.utils.html import format_html

from ..translated_text import (
    TranslatedText,
    marked_inline,
    translated_text,
    untranslated_notice,
)

register = template.Library()


@register.simple_tag
def translated(obj, *names, linebreaks=False):
    if obj is None or obj == "":
        return ""
    return translated_text(obj, *names, keep_line_breaks=linebreaks)


@register.filter
def marked(value):
    """A TranslatedText built in Python (menu items, section links), marked if foreign; a
    variable alone would print it as plain text."""
    return value.__html__() if isinstance(value, TranslatedText) else value


@register.filter
def as_text(value) -> str:
    """The bare text, for an attribute (alt, content, title), where no markup may go."""
    return value.text if isinstance(value, TranslatedText) else value


@register.filter
def lang_attribute(value) -> str:
    """` lang="ky"` when the text is shown in another language than the page's, else nothing."""
    if isinstance(value, TranslatedText) and value.is_fallback:
        return format_html(' lang="{}"', value.lang)
    return ""


class TranslatedBlockNode(template.Node):
    def __init__(self, obj, name, nodelist, inline):
        self.obj, self.name, self.nodelist, self.inline = obj, name, nodelist, inline

    def render(self, context):
        content = self.nodelist.render(context)
        obj = self.obj.resolve(context)
        text = translated_text(obj, self.name.resolve(context)) if obj else None
        if text is None or not text.is_fallback:
            return content
        if self.inline:
            return marked_inline(content, text.lang)
        return format_html(
            '<p class="untranslated-notice">{}</p><div lang="{}" class="untranslated">{}</div>',
            untranslated_notice(),
            text.lang,
            content,
        )


@register.tag
def translated_block(parser, token):
    """Wrap what the block prints from `obj.field` in its real language, with a notice."""
    bits = token.split_contents()
    inline = bits[-1] == "inline"
    if len(bits) != 3 + inline:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes an object, a field name and optionally `inline`"
        )
    nodelist = parser.parse(("endtranslated_block",))
    parser.delete_first_token()
    obj, name = parser.compile_filter(bits[1]), parser.compile_filter(bits[2])
    return TranslatedBlockNode(obj, name, nodelist, inline)
