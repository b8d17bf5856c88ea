-- AlterTable
ALTER TABLE "Directory" ADD COLUMN     "groupSelection" TEXT NOT NULL DEFAULT 'all';

-- AlterTable
ALTER TABLE "DirectoryGroup" ADD COLUMN     "selected" BOOLEAN NOT NULL DEFAULT true;

