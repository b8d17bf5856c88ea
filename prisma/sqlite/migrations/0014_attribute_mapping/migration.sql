-- CreateTable
CREATE TABLE "AttributeMapping" (
    "directoryId" TEXT NOT NULL PRIMARY KEY,
    "fields" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AttributeMapping_directoryId_fkey" FOREIGN KEY ("directoryId") REFERENCES "Directory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AttributeRemapJob" (
    "directoryId" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "cursorAt" DATETIME,
    "cursorId" TEXT NOT NULL DEFAULT '',
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "AttributeRemapJob_directoryId_fkey" FOREIGN KEY ("directoryId") REFERENCES "Directory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DirectoryUser" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "directoryId" TEXT NOT NULL,
    "externalId" TEXT,
    "userName" TEXT NOT NULL,
    "userNameLower" TEXT NOT NULL,
    "displayNameLower" TEXT,
    "givenNameLower" TEXT,
    "familyNameLower" TEXT,
    "titleLower" TEXT,
    "emailLower" TEXT,
    "employeeNumber" TEXT,
    "managerId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "deactivatedAt" DATETIME,
    "raw" TEXT NOT NULL,
    "customAttributes" TEXT,
    "attributeWarnings" TEXT,
    "mappingVersion" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DirectoryUser_directoryId_fkey" FOREIGN KEY ("directoryId") REFERENCES "Directory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DirectoryUser" ("active", "createdAt", "deactivatedAt", "directoryId", "displayNameLower", "emailLower", "employeeNumber", "externalId", "familyNameLower", "givenNameLower", "id", "managerId", "raw", "titleLower", "updatedAt", "userName", "userNameLower", "version") SELECT "active", "createdAt", "deactivatedAt", "directoryId", "displayNameLower", "emailLower", "employeeNumber", "externalId", "familyNameLower", "givenNameLower", "id", "managerId", "raw", "titleLower", "updatedAt", "userName", "userNameLower", "version" FROM "DirectoryUser";
DROP TABLE "DirectoryUser";
ALTER TABLE "new_DirectoryUser" RENAME TO "DirectoryUser";
CREATE INDEX "DirectoryUser_directoryId_createdAt_id_idx" ON "DirectoryUser"("directoryId", "createdAt", "id");
CREATE INDEX "DirectoryUser_directoryId_externalId_idx" ON "DirectoryUser"("directoryId", "externalId");
CREATE INDEX "DirectoryUser_directoryId_emailLower_idx" ON "DirectoryUser"("directoryId", "emailLower");
CREATE INDEX "DirectoryUser_directoryId_displayNameLower_idx" ON "DirectoryUser"("directoryId", "displayNameLower");
CREATE INDEX "DirectoryUser_directoryId_familyNameLower_idx" ON "DirectoryUser"("directoryId", "familyNameLower");
CREATE INDEX "DirectoryUser_directoryId_titleLower_idx" ON "DirectoryUser"("directoryId", "titleLower");
CREATE INDEX "DirectoryUser_directoryId_updatedAt_idx" ON "DirectoryUser"("directoryId", "updatedAt");
CREATE INDEX "DirectoryUser_directoryId_deactivatedAt_idx" ON "DirectoryUser"("directoryId", "deactivatedAt");
CREATE INDEX "DirectoryUser_directoryId_active_idx" ON "DirectoryUser"("directoryId", "active");
CREATE UNIQUE INDEX "DirectoryUser_directoryId_userNameLower_key" ON "DirectoryUser"("directoryId", "userNameLower");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

