import json
import sys

from django.core.management.base import BaseCommand, CommandError

from moderation.checker import check

LANGUAGES = ("ky", "ru")


class Command(BaseCommand):
    help = (
        "Check text for prohibited content. One text from the argument, --file or standard "
        "input; or, with --jsonl, one JSON object per input line: "
        '{"id": ..., "lang": "ky"|"ru", "text": ...}.'
    )

    def add_arguments(self, parser):
        parser.add_argument("text", nargs="?", help="The text; omit to read --file or stdin")
        parser.add_argument("--file", help="Read the text from this UTF-8 file")
        parser.add_argument("--lang", choices=LANGUAGES, help="Language of the text")
        parser.add_argument("--format", choices=("text", "json"), default="text")
        parser.add_argument(
            "--jsonl", action="store_true", help="Batch mode: JSON lines in, JSON lines out"
        )

    def handle(self, *args, **options):
        if options["jsonl"]:
            self.check_lines(sys.stdin)
            return
        text = self.read_text(options)
        result = check(text, options["lang"])
        if options["format"] == "json":
            self.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False))
            return
        self.stdout.write(f"verdict: {result.verdict}")
        for finding in result.findings:
            self.stdout.write(
                f"- [{finding.action}] {finding.category} ({finding.rule_id}) "
                f"{finding.start}-{finding.end} «{finding.excerpt}»\n"
                f"  ky: {finding.message['ky']}\n  ru: {finding.message['ru']}"
            )

    def read_text(self, options) -> str:
        if options["text"] is not None:
            return options["text"]
        if options["file"]:
            try:
                with open(options["file"], encoding="utf-8") as handle:
                    return handle.read()
            except (OSError, UnicodeDecodeError) as error:
                raise CommandError(f"Cannot read {options['file']}: {error}") from error
        return sys.stdin.read()

    def check_lines(self, lines):
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            self.stdout.write(json.dumps(self.check_line(number, line), ensure_ascii=False))

    def check_line(self, number: int, line: str) -> dict:
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            return {"id": None, "line": number, "error": f"not valid JSON: {error.msg}"}
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            return {"id": None, "line": number, "error": 'expected an object with a "text"'}
        lang = item.get("lang")
        if lang is not None and lang not in LANGUAGES:
            return {"id": item.get("id"), "line": number, "error": f"unknown lang {lang!r}"}
        result = check(item["text"], lang)
        return {"id": item.get("id"), **result.to_dict()}
