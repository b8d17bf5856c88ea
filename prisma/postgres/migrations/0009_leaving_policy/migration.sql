-- AlterTable
ALTER TABLE "DirectoryUser" ADD COLUMN     "deactivatedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "OrganizationPolicy" (
    "organizationId" TEXT NOT NULL,
    "leaving" TEXT NOT NULL DEFAULT 'deactivate',
    "deleteAfterDays" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrganizationPolicy_pkey" PRIMARY KEY ("organizationId")
);

-- CreateIndex
CREATE INDEX "DirectoryUser_directoryId_deactivatedAt_idx" ON "DirectoryUser"("directoryId", "deactivatedAt");

-- AddForeignKey
ALTER TABLE "OrganizationPolicy" ADD CONSTRAINT "OrganizationPolicy_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Users already inactive: deactivated when last changed, and no roles (issue 19: inactive users carry none).
UPDATE "DirectoryUser" SET "deactivatedAt" = "updatedAt" WHERE "active" = false;
DELETE FROM "UserRole" WHERE "userId" IN (SELECT "id" FROM "DirectoryUser" WHERE "active" = false);
