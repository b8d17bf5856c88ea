-- CreateTable
CREATE TABLE "Host" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hostId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "lastFour" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "ApiKey_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Host" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hostId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "externalId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Organization_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Host" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Directory" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'enabled',
    "lastRequestAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Directory_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DirectoryToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "directoryId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "lastFour" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "DirectoryToken_directoryId_fkey" FOREIGN KEY ("directoryId") REFERENCES "Directory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DirectoryUser" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "directoryId" TEXT NOT NULL,
    "externalId" TEXT,
    "userName" TEXT NOT NULL,
    "userNameLower" TEXT NOT NULL,
    "displayNameLower" TEXT,
    "givenNameLower" TEXT,
    "familyNameLower" TEXT,
    "emailLower" TEXT,
    "employeeNumber" TEXT,
    "managerId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "raw" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DirectoryUser_directoryId_fkey" FOREIGN KEY ("directoryId") REFERENCES "Directory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UserEmail" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT NOT NULL,
    "directoryId" TEXT NOT NULL,
    "valueLower" TEXT NOT NULL,
    "type" TEXT,
    "primary" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "UserEmail_userId_fkey" FOREIGN KEY ("userId") REFERENCES "DirectoryUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DirectoryGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "directoryId" TEXT NOT NULL,
    "externalId" TEXT,
    "displayName" TEXT NOT NULL,
    "displayNameLower" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DirectoryGroup_directoryId_fkey" FOREIGN KEY ("directoryId") REFERENCES "Directory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GroupMembership" (
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "directoryId" TEXT NOT NULL,
    "display" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("groupId", "userId"),
    CONSTRAINT "GroupMembership_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "DirectoryGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GroupMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "DirectoryUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScimRequestLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "directoryId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "resource" TEXT,
    "requestBody" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ScimRequestLog_directoryId_fkey" FOREIGN KEY ("directoryId") REFERENCES "Directory" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_hostId_idx" ON "ApiKey"("hostId");

-- CreateIndex
CREATE INDEX "Organization_hostId_createdAt_id_idx" ON "Organization"("hostId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Organization_hostId_externalId_idx" ON "Organization"("hostId", "externalId");

-- CreateIndex
CREATE INDEX "Directory_organizationId_createdAt_id_idx" ON "Directory"("organizationId", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "DirectoryToken_hash_key" ON "DirectoryToken"("hash");

-- CreateIndex
CREATE INDEX "DirectoryToken_directoryId_idx" ON "DirectoryToken"("directoryId");

-- CreateIndex
CREATE INDEX "DirectoryUser_directoryId_createdAt_id_idx" ON "DirectoryUser"("directoryId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "DirectoryUser_directoryId_externalId_idx" ON "DirectoryUser"("directoryId", "externalId");

-- CreateIndex
CREATE INDEX "DirectoryUser_directoryId_emailLower_idx" ON "DirectoryUser"("directoryId", "emailLower");

-- CreateIndex
CREATE INDEX "DirectoryUser_directoryId_displayNameLower_idx" ON "DirectoryUser"("directoryId", "displayNameLower");

-- CreateIndex
CREATE INDEX "DirectoryUser_directoryId_familyNameLower_idx" ON "DirectoryUser"("directoryId", "familyNameLower");

-- CreateIndex
CREATE INDEX "DirectoryUser_directoryId_updatedAt_idx" ON "DirectoryUser"("directoryId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DirectoryUser_directoryId_userNameLower_key" ON "DirectoryUser"("directoryId", "userNameLower");

-- CreateIndex
CREATE INDEX "UserEmail_userId_idx" ON "UserEmail"("userId");

-- CreateIndex
CREATE INDEX "UserEmail_directoryId_valueLower_idx" ON "UserEmail"("directoryId", "valueLower");

-- CreateIndex
CREATE INDEX "DirectoryGroup_directoryId_createdAt_id_idx" ON "DirectoryGroup"("directoryId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "DirectoryGroup_directoryId_externalId_idx" ON "DirectoryGroup"("directoryId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "DirectoryGroup_directoryId_displayNameLower_key" ON "DirectoryGroup"("directoryId", "displayNameLower");

-- CreateIndex
CREATE INDEX "GroupMembership_userId_idx" ON "GroupMembership"("userId");

-- CreateIndex
CREATE INDEX "ScimRequestLog_directoryId_createdAt_idx" ON "ScimRequestLog"("directoryId", "createdAt");

-- CreateIndex
CREATE INDEX "ScimRequestLog_directoryId_status_createdAt_idx" ON "ScimRequestLog"("directoryId", "status", "createdAt");

