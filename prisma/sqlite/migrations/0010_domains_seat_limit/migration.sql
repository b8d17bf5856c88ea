-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OrganizationPolicy" (
    "organizationId" TEXT NOT NULL PRIMARY KEY,
    "leaving" TEXT NOT NULL DEFAULT 'deactivate',
    "deleteAfterDays" INTEGER,
    "domains" TEXT NOT NULL DEFAULT '[]',
    "seatLimit" INTEGER,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OrganizationPolicy_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OrganizationPolicy" ("deleteAfterDays", "leaving", "organizationId", "updatedAt") SELECT "deleteAfterDays", "leaving", "organizationId", "updatedAt" FROM "OrganizationPolicy";
DROP TABLE "OrganizationPolicy";
ALTER TABLE "new_OrganizationPolicy" RENAME TO "OrganizationPolicy";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "DirectoryUser_directoryId_active_idx" ON "DirectoryUser"("directoryId", "active");

