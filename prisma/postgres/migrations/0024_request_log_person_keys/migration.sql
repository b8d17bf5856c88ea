-- The person indexes of migration 0019, each now also partial on its own key (written by hand: Prisma's schema cannot
-- say WHERE). A row without the key, such as every request about a group (no userId, userName, email or
-- externalId), entered the index under NULL, where no search by person looks. "Find a person" names the key in
-- each branch (a comparison on it implies IS NOT NULL) and the 0019 condition word for word, so both planners
-- still read these indexes.
DROP INDEX "ScimRequestLog_person_userId_idx";
DROP INDEX "ScimRequestLog_person_userNameLower_idx";
DROP INDEX "ScimRequestLog_person_emailLower_idx";
DROP INDEX "ScimRequestLog_person_externalId_idx";
CREATE INDEX "ScimRequestLog_person_userId_idx" ON "ScimRequestLog"("directoryId", "userId", "createdAt") WHERE "userId" IS NOT NULL AND ("method" <> 'GET' OR "userId" IS NULL);
CREATE INDEX "ScimRequestLog_person_userNameLower_idx" ON "ScimRequestLog"("directoryId", "userNameLower", "createdAt") WHERE "userNameLower" IS NOT NULL AND ("method" <> 'GET' OR "userId" IS NULL);
CREATE INDEX "ScimRequestLog_person_emailLower_idx" ON "ScimRequestLog"("directoryId", "emailLower", "createdAt") WHERE "emailLower" IS NOT NULL AND ("method" <> 'GET' OR "userId" IS NULL);
CREATE INDEX "ScimRequestLog_person_externalId_idx" ON "ScimRequestLog"("directoryId", "externalId", "createdAt") WHERE "externalId" IS NOT NULL AND ("method" <> 'GET' OR "userId" IS NULL);
