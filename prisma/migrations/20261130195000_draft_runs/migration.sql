-- A run of the draft (a webhook's test URL) has no published version: it keeps the definition
-- it ran, validated as publishing would, in draft_definition. Every run has exactly one of the two.
ALTER TABLE "runs" ALTER COLUMN "version_id" DROP NOT NULL;
ALTER TABLE "runs" ADD COLUMN "draft_definition" JSONB;
ALTER TABLE "runs" ADD CONSTRAINT "runs_version_or_draft"
  CHECK (("version_id" IS NULL) <> ("draft_definition" IS NULL));
