-- AlterTable
ALTER TABLE "run_steps" ADD COLUMN     "handles" TEXT[] DEFAULT ARRAY[]::TEXT[];
