"""Train the checker's learned second opinion (moderation/checker/classifier.py).

Reads ``moderation/data/train_*.jsonl``, chooses the threshold by five-fold cross-validation so
that at most ``--false-alarms`` of the benign training texts would be sent to a moderator, then
trains on everything and writes ``moderation/data/classifier.json.gz``.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from moderation.checker import classifier

FOLDS = 5
# A text the model is this sure of is rejected: cross-validation puts at most this share of
# benign texts above the threshold.
REJECT_FALSE_ALARMS = 0.005


class Command(BaseCommand):
    help = "Train the prohibited-content classifier on moderation/data/train_*.jsonl."

    def add_arguments(self, parser):
        parser.add_argument(
            "--data",
            type=Path,
            default=classifier.DATA_DIR,
            help="Folder with the train_*.jsonl files (moderation/data)",
        )
        parser.add_argument(
            "--output",
            type=Path,
            default=classifier.MODEL_PATH,
            help="Where to write the model (moderation/data/classifier.json.gz)",
        )
        parser.add_argument(
            "--false-alarms",
            type=float,
            default=0.01,
            help="Share of the benign texts it judges that may go to a moderator in "
            "cross-validation (0.01)",
        )

    def handle(self, *args, **options):
        target = options["false_alarms"]
        if not 0 < target < 0.5:
            raise CommandError("--false-alarms must be between 0 and 0.5")
        data = options["data"]
        try:
            rows = classifier.read_training(data)
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read the training texts: {error}") from error
        if len(rows) < 100:
            raise CommandError(f"Only {len(rows)} training texts; at least 100 are needed.")
        self.stdout.write(f"{len(rows)} training texts")
        scored = []  # (score, prohibited) out of fold
        for fold in range(FOLDS):
            train = [r for i, r in enumerate(rows) if i % FOLDS != fold]
            held = [r for i, r in enumerate(rows) if i % FOLDS == fold]
            model = classifier.Classifier(classifier.train(train, float("inf"), data))
            for row in held:
                scored.append(
                    (model.score(row["text"], row["lang"]).logit, row["label"] == "prohibited")
                )
        # The thresholds (scores: the logit of the probability) are placed so that at most
        # `target` of the benign texts that each fold's model had not seen go to a moderator,
        # and at most REJECT_FALSE_ALARMS of them would be rejected.
        # Texts too short to be judged (score -inf) are left out of the count.
        benign = sorted(
            (score for score, bad in scored if not bad and score > float("-inf")), reverse=True
        )

        def threshold_for(share: float) -> float:
            return benign[min(int(share * len(benign)), len(benign) - 1)] + 1e-6

        threshold = threshold_for(target)
        reject_threshold = max(threshold, threshold_for(REJECT_FALSE_ALARMS))
        prohibited = sum(bad for _, bad in scored)
        for name, cut in (("review", threshold), ("reject", reject_threshold)):
            caught = sum(score >= cut for score, bad in scored if bad)
            flagged = sum(score >= cut for score, bad in scored if not bad)
            self.stdout.write(
                f"cross-validation, {name} at score {cut:.2f}: prohibited {caught}/{prohibited}, "
                f"benign {flagged}/{len(benign)}"
            )
        model = classifier.train(rows, round(threshold, 4), data)
        model["reject_threshold"] = round(reject_threshold, 4)
        classifier.save(model, options["output"])
        self.stdout.write(
            f"wrote {options['output']} ({len(model['weights'])} weights, "
            f"thresholds {model['threshold']} and {model['reject_threshold']})"
        )
