-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Directory" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'enabled',
    "lastRequestAt" DATETIME,
    "unauthenticatedRequests" INTEGER NOT NULL DEFAULT 0,
    "lastUnauthenticatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "defaultRoleId" TEXT,
    CONSTRAINT "Directory_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Directory_defaultRoleId_fkey" FOREIGN KEY ("defaultRoleId") REFERENCES "Role" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Directory" ("createdAt", "defaultRoleId", "id", "lastRequestAt", "organizationId", "provider", "status", "updatedAt") SELECT "createdAt", "defaultRoleId", "id", "lastRequestAt", "organizationId", "provider", "status", "updatedAt" FROM "Directory";
DROP TABLE "Directory";
ALTER TABLE "new_Directory" RENAME TO "Directory";
CREATE INDEX "Directory_organizationId_createdAt_id_idx" ON "Directory"("organizationId", "createdAt", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

