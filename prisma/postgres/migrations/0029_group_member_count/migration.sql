-- AlterTable (on SQLite written by hand: a column added last needs no rebuild of the table, which Prisma's diff writes)
ALTER TABLE "DirectoryGroup" ADD COLUMN "memberCount" INTEGER NOT NULL DEFAULT 0;

-- Each group's members as they are: from here on moved in the transactions that move them.
UPDATE "DirectoryGroup" SET "memberCount" = (SELECT COUNT(*) FROM "GroupMembership" m WHERE m."groupId" = "DirectoryGroup"."id");
