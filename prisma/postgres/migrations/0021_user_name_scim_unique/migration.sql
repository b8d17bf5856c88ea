-- DropIndex
DROP INDEX "DirectoryUser_directoryId_userNameLower_key";

-- Partial indexes (written by hand: Prisma's schema cannot say WHERE). A userName is unique among the users SCIM sees;
-- a user the IdP deleted and the leaving policy keeps for the host no longer holds it (issue 19): another person
-- may take it. A create of the same person finds the kept one by the second index; linking it back is the first
-- index's 409 while someone SCIM sees holds the name.
CREATE UNIQUE INDEX "DirectoryUser_directoryId_userNameLower_key" ON "DirectoryUser"("directoryId", "userNameLower") WHERE "removedAt" IS NULL;
CREATE INDEX "DirectoryUser_kept_userNameLower_idx" ON "DirectoryUser"("directoryId", "userNameLower") WHERE "removedAt" IS NOT NULL;
