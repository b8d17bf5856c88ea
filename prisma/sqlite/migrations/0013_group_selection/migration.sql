-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Directory" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'enabled',
    "lastRequestAt" DATETIME,
    "health" TEXT NOT NULL DEFAULT 'waiting',
    "healthReason" TEXT,
    "healthChangedAt" DATETIME,
    "authFailuresSeen" INTEGER NOT NULL DEFAULT 0,
    "connectedAt" DATETIME,
    "unauthenticatedRequests" INTEGER NOT NULL DEFAULT 0,
    "lastUnauthenticatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "groupSelection" TEXT NOT NULL DEFAULT 'all',
    "defaultRoleId" TEXT,
    CONSTRAINT "Directory_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Directory_defaultRoleId_fkey" FOREIGN KEY ("defaultRoleId") REFERENCES "Role" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Directory" ("authFailuresSeen", "connectedAt", "createdAt", "defaultRoleId", "health", "healthChangedAt", "healthReason", "id", "lastRequestAt", "lastUnauthenticatedAt", "name", "organizationId", "provider", "status", "unauthenticatedRequests", "updatedAt") SELECT "authFailuresSeen", "connectedAt", "createdAt", "defaultRoleId", "health", "healthChangedAt", "healthReason", "id", "lastRequestAt", "lastUnauthenticatedAt", "name", "organizationId", "provider", "status", "unauthenticatedRequests", "updatedAt" FROM "Directory";
DROP TABLE "Directory";
ALTER TABLE "new_Directory" RENAME TO "Directory";
CREATE INDEX "Directory_organizationId_createdAt_id_idx" ON "Directory"("organizationId", "createdAt", "id");
CREATE TABLE "new_DirectoryGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "directoryId" TEXT NOT NULL,
    "externalId" TEXT,
    "displayName" TEXT NOT NULL,
    "displayNameLower" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "selected" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DirectoryGroup_directoryId_fkey" FOREIGN KEY ("directoryId") REFERENCES "Directory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DirectoryGroup" ("createdAt", "directoryId", "displayName", "displayNameLower", "externalId", "id", "raw", "updatedAt", "version") SELECT "createdAt", "directoryId", "displayName", "displayNameLower", "externalId", "id", "raw", "updatedAt", "version" FROM "DirectoryGroup";
DROP TABLE "DirectoryGroup";
ALTER TABLE "new_DirectoryGroup" RENAME TO "DirectoryGroup";
CREATE INDEX "DirectoryGroup_directoryId_createdAt_id_idx" ON "DirectoryGroup"("directoryId", "createdAt", "id");
CREATE INDEX "DirectoryGroup_directoryId_externalId_idx" ON "DirectoryGroup"("directoryId", "externalId");
CREATE UNIQUE INDEX "DirectoryGroup_directoryId_displayNameLower_key" ON "DirectoryGroup"("directoryId", "displayNameLower");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

