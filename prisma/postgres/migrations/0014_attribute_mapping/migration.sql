-- AlterTable
ALTER TABLE "DirectoryUser" ADD COLUMN     "attributeWarnings" TEXT,
ADD COLUMN     "customAttributes" TEXT,
ADD COLUMN     "mappingVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "AttributeMapping" (
    "directoryId" TEXT NOT NULL,
    "fields" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AttributeMapping_pkey" PRIMARY KEY ("directoryId")
);

-- CreateTable
CREATE TABLE "AttributeRemapJob" (
    "directoryId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "cursorAt" TIMESTAMP(3),
    "cursorId" TEXT NOT NULL DEFAULT '',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "AttributeRemapJob_pkey" PRIMARY KEY ("directoryId")
);

-- AddForeignKey
ALTER TABLE "AttributeMapping" ADD CONSTRAINT "AttributeMapping_directoryId_fkey" FOREIGN KEY ("directoryId") REFERENCES "Directory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttributeRemapJob" ADD CONSTRAINT "AttributeRemapJob_directoryId_fkey" FOREIGN KEY ("directoryId") REFERENCES "Directory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

