-- AlterTable
ALTER TABLE "DirectoryUser" ADD COLUMN "deactivatedAt" DATETIME;

-- CreateTable
CREATE TABLE "OrganizationPolicy" (
    "organizationId" TEXT NOT NULL PRIMARY KEY,
    "leaving" TEXT NOT NULL DEFAULT 'deactivate',
    "deleteAfterDays" INTEGER,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OrganizationPolicy_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DirectoryUser_directoryId_deactivatedAt_idx" ON "DirectoryUser"("directoryId", "deactivatedAt");


-- Users already inactive: deactivated when last changed, and no roles (issue 19: inactive users carry none).
UPDATE "DirectoryUser" SET "deactivatedAt" = "updatedAt" WHERE "active" = 0;
DELETE FROM "UserRole" WHERE "userId" IN (SELECT "id" FROM "DirectoryUser" WHERE "active" = 0);
