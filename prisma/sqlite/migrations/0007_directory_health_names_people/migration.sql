-- AlterTable
ALTER TABLE "ScimRequestLog" ADD COLUMN "emailLower" TEXT;
ALTER TABLE "ScimRequestLog" ADD COLUMN "externalId" TEXT;
ALTER TABLE "ScimRequestLog" ADD COLUMN "responseBody" TEXT;
ALTER TABLE "ScimRequestLog" ADD COLUMN "userId" TEXT;
ALTER TABLE "ScimRequestLog" ADD COLUMN "userNameLower" TEXT;

-- AlterTable
ALTER TABLE "PortalLink" ADD COLUMN "operatorId" TEXT;

-- AlterTable
ALTER TABLE "PortalSession" ADD COLUMN "operatorId" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hostId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameLower" TEXT NOT NULL DEFAULT '',
    "externalId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Organization_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Host" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Organization" ("createdAt", "externalId", "hostId", "id", "name", "updatedAt") SELECT "createdAt", "externalId", "hostId", "id", "name", "updatedAt" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE INDEX "Organization_hostId_createdAt_id_idx" ON "Organization"("hostId", "createdAt", "id");
CREATE INDEX "Organization_hostId_nameLower_idx" ON "Organization"("hostId", "nameLower");
-- Backfill: names for search; an externalId held by several organizations of one host (it was not unique before)
-- stays with the oldest of them and is cleared on the others, each clearing recorded in the audit log.
UPDATE "Organization" SET "nameLower" = lower("name");
INSERT INTO "AuditLog" ("id", "hostId", "organizationId", "actor", "action", "target", "details", "createdAt")
  SELECT 'aud_' || lower(hex(randomblob(10))), o."hostId", o."id", 'migration', 'organization.external_id_cleared', o."id", json_object('externalId', o."externalId"), strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
  FROM "Organization" o WHERE o."externalId" IS NOT NULL AND EXISTS (SELECT 1 FROM "Organization" p WHERE p."hostId" = o."hostId" AND p."externalId" = o."externalId"
    AND (p."createdAt" < o."createdAt" OR (p."createdAt" = o."createdAt" AND p."id" < o."id")));
UPDATE "Organization" SET "externalId" = NULL WHERE "id" IN (SELECT o."id" FROM "Organization" o WHERE o."externalId" IS NOT NULL AND EXISTS (SELECT 1 FROM "Organization" p WHERE p."hostId" = o."hostId" AND p."externalId" = o."externalId"
    AND (p."createdAt" < o."createdAt" OR (p."createdAt" = o."createdAt" AND p."id" < o."id"))));
CREATE UNIQUE INDEX "Organization_hostId_externalId_key" ON "Organization"("hostId", "externalId");
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
    "defaultRoleId" TEXT,
    CONSTRAINT "Directory_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Directory_defaultRoleId_fkey" FOREIGN KEY ("defaultRoleId") REFERENCES "Role" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Directory" ("createdAt", "defaultRoleId", "id", "lastRequestAt", "lastUnauthenticatedAt", "organizationId", "provider", "status", "unauthenticatedRequests", "updatedAt") SELECT "createdAt", "defaultRoleId", "id", "lastRequestAt", "lastUnauthenticatedAt", "organizationId", "provider", "status", "unauthenticatedRequests", "updatedAt" FROM "Directory";
DROP TABLE "Directory";
ALTER TABLE "new_Directory" RENAME TO "Directory";
CREATE INDEX "Directory_organizationId_createdAt_id_idx" ON "Directory"("organizationId", "createdAt", "id");
-- Backfill: each directory a name ("Okta", "Okta 2", … within an organization); one that has served requests is
-- connected already (no health or connected event for it after the upgrade).
UPDATE "Directory" SET "name" = n."name" FROM (
  SELECT d."id", CASE d."provider" WHEN 'okta' THEN 'Okta' WHEN 'entra' THEN 'Microsoft Entra ID' WHEN 'onelogin' THEN 'OneLogin' WHEN 'jumpcloud' THEN 'JumpCloud' WHEN 'pingidentity' THEN 'PingIdentity' ELSE 'Custom SCIM' END || CASE WHEN row_number() OVER w > 1 THEN ' ' || row_number() OVER w ELSE '' END AS "name"
  FROM "Directory" d WINDOW w AS (PARTITION BY d."organizationId", d."provider" ORDER BY d."createdAt", d."id")
) AS n WHERE "Directory"."id" = n."id";
UPDATE "Directory" SET "health" = 'connected', "connectedAt" = "lastRequestAt", "healthChangedAt" = "lastRequestAt" WHERE "lastRequestAt" IS NOT NULL;
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ScimRequestLog_directoryId_userId_createdAt_idx" ON "ScimRequestLog"("directoryId", "userId", "createdAt");

-- CreateIndex
CREATE INDEX "ScimRequestLog_directoryId_userNameLower_createdAt_idx" ON "ScimRequestLog"("directoryId", "userNameLower", "createdAt");

-- CreateIndex
CREATE INDEX "ScimRequestLog_directoryId_emailLower_createdAt_idx" ON "ScimRequestLog"("directoryId", "emailLower", "createdAt");

-- CreateIndex
CREATE INDEX "ScimRequestLog_directoryId_externalId_createdAt_idx" ON "ScimRequestLog"("directoryId", "externalId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_hostId_action_createdAt_idx" ON "AuditLog"("hostId", "action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_hostId_actor_createdAt_idx" ON "AuditLog"("hostId", "actor", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_hostId_organizationId_createdAt_idx" ON "AuditLog"("hostId", "organizationId", "createdAt");

