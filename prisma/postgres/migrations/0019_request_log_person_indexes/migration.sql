-- DropIndex
DROP INDEX "ScimRequestLog_directoryId_userId_createdAt_idx";

-- DropIndex
DROP INDEX "ScimRequestLog_directoryId_userNameLower_createdAt_idx";

-- DropIndex
DROP INDEX "ScimRequestLog_directoryId_emailLower_createdAt_idx";

-- DropIndex
DROP INDEX "ScimRequestLog_directoryId_externalId_createdAt_idx";


-- Partial indexes (written by hand: Prisma's schema cannot say WHERE). A read of a user changes nothing about
-- anyone: its row keeps the person columns (the portal names the user) but enters none of these four indexes,
-- whose entries land at random places and made most of what logging a read cost. A lookup that found nobody (the
-- IdP's check before a create) stays in. lib/portal/request-log-page.ts searches with the same condition.
CREATE INDEX "ScimRequestLog_person_userId_idx" ON "ScimRequestLog"("directoryId", "userId", "createdAt") WHERE "method" <> 'GET' OR "userId" IS NULL;
CREATE INDEX "ScimRequestLog_person_userNameLower_idx" ON "ScimRequestLog"("directoryId", "userNameLower", "createdAt") WHERE "method" <> 'GET' OR "userId" IS NULL;
CREATE INDEX "ScimRequestLog_person_emailLower_idx" ON "ScimRequestLog"("directoryId", "emailLower", "createdAt") WHERE "method" <> 'GET' OR "userId" IS NULL;
CREATE INDEX "ScimRequestLog_person_externalId_idx" ON "ScimRequestLog"("directoryId", "externalId", "createdAt") WHERE "method" <> 'GET' OR "userId" IS NULL;
