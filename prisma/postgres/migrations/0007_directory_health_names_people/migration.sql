-- DropIndex
DROP INDEX "Organization_hostId_externalId_idx";

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "nameLower" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Directory" ADD COLUMN     "authFailuresSeen" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "connectedAt" TIMESTAMP(3),
ADD COLUMN     "health" TEXT NOT NULL DEFAULT 'waiting',
ADD COLUMN     "healthChangedAt" TIMESTAMP(3),
ADD COLUMN     "healthReason" TEXT,
ADD COLUMN     "name" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "ScimRequestLog" ADD COLUMN     "emailLower" TEXT,
ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "responseBody" TEXT,
ADD COLUMN     "userId" TEXT,
ADD COLUMN     "userNameLower" TEXT;

-- AlterTable
ALTER TABLE "PortalLink" ADD COLUMN     "operatorId" TEXT;

-- AlterTable
ALTER TABLE "PortalSession" ADD COLUMN     "operatorId" TEXT;

-- CreateIndex
CREATE INDEX "Organization_hostId_nameLower_idx" ON "Organization"("hostId", "nameLower");

-- Backfill: names for search; an externalId held by several organizations of one host (it was not unique before)
-- stays with the oldest of them and is cleared on the others, each clearing recorded in the audit log.
UPDATE "Organization" SET "nameLower" = lower("name");
INSERT INTO "AuditLog" ("id", "hostId", "organizationId", "actor", "action", "target", "details", "createdAt")
  SELECT 'aud_' || substr(md5(random()::text || o."id"), 1, 20), o."hostId", o."id", 'migration', 'organization.external_id_cleared', o."id", json_build_object('externalId', o."externalId")::text, CURRENT_TIMESTAMP
  FROM "Organization" o WHERE o."externalId" IS NOT NULL AND EXISTS (SELECT 1 FROM "Organization" p WHERE p."hostId" = o."hostId" AND p."externalId" = o."externalId"
    AND (p."createdAt" < o."createdAt" OR (p."createdAt" = o."createdAt" AND p."id" < o."id")));
UPDATE "Organization" SET "externalId" = NULL WHERE "id" IN (SELECT o."id" FROM "Organization" o WHERE o."externalId" IS NOT NULL AND EXISTS (SELECT 1 FROM "Organization" p WHERE p."hostId" = o."hostId" AND p."externalId" = o."externalId"
    AND (p."createdAt" < o."createdAt" OR (p."createdAt" = o."createdAt" AND p."id" < o."id"))));
-- Backfill: each directory a name ("Okta", "Okta 2", … within an organization); one that has served requests is
-- connected already (no health or connected event for it after the upgrade).
UPDATE "Directory" SET "name" = n."name" FROM (
  SELECT d."id", CASE d."provider" WHEN 'okta' THEN 'Okta' WHEN 'entra' THEN 'Microsoft Entra ID' WHEN 'onelogin' THEN 'OneLogin' WHEN 'jumpcloud' THEN 'JumpCloud' WHEN 'pingidentity' THEN 'PingIdentity' ELSE 'Custom SCIM' END || CASE WHEN row_number() OVER w > 1 THEN ' ' || row_number() OVER w ELSE '' END AS "name"
  FROM "Directory" d WINDOW w AS (PARTITION BY d."organizationId", d."provider" ORDER BY d."createdAt", d."id")
) AS n WHERE "Directory"."id" = n."id";
UPDATE "Directory" SET "health" = 'connected', "connectedAt" = "lastRequestAt", "healthChangedAt" = "lastRequestAt" WHERE "lastRequestAt" IS NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Organization_hostId_externalId_key" ON "Organization"("hostId", "externalId");

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

