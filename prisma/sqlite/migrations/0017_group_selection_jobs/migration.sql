-- AlterTable
ALTER TABLE "DirectoryGroup" ADD COLUMN "syncCursor" TEXT;

-- CreateTable
CREATE TABLE "GroupSelectionJob" (
    "directoryId" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "groupIds" TEXT NOT NULL,
    "queue" TEXT NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CONSTRAINT "GroupSelectionJob_directoryId_fkey" FOREIGN KEY ("directoryId") REFERENCES "Directory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

