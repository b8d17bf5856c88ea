-- AlterTable
ALTER TABLE "DirectoryGroup" ADD COLUMN     "syncCursor" TEXT;

-- CreateTable
CREATE TABLE "GroupSelectionJob" (
    "directoryId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "groupIds" TEXT NOT NULL,
    "queue" TEXT NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "GroupSelectionJob_pkey" PRIMARY KEY ("directoryId")
);

-- AddForeignKey
ALTER TABLE "GroupSelectionJob" ADD CONSTRAINT "GroupSelectionJob_directoryId_fkey" FOREIGN KEY ("directoryId") REFERENCES "Directory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

