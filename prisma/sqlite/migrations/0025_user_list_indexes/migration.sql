-- DropIndex
DROP INDEX "DirectoryUser_directoryId_active_idx";

-- CreateIndex
CREATE INDEX "DirectoryUser_directoryId_active_createdAt_id_idx" ON "DirectoryUser"("directoryId", "active", "createdAt", "id");

-- CreateIndex
CREATE INDEX "DirectoryUser_directoryId_userNameLower_idx" ON "DirectoryUser"("directoryId", "userNameLower");

-- DropIndex (written by hand: 0021's partial index, which Prisma's schema cannot name). The index above holds every
-- user of a name, kept or not: a create's look for a kept user reads it, and the kept-only index has nothing left to do.
DROP INDEX "DirectoryUser_kept_userNameLower_idx";
