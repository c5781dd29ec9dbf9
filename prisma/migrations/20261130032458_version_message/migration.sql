-- What the publisher said about a version, shown in the editor's versions panel.
ALTER TABLE "workflow_versions" ADD COLUMN "message" TEXT NOT NULL DEFAULT '';
