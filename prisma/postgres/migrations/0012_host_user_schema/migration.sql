-- CreateTable
CREATE TABLE "HostUserSchema" (
    "hostId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "fields" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HostUserSchema_pkey" PRIMARY KEY ("hostId")
);

-- AddForeignKey
ALTER TABLE "HostUserSchema" ADD CONSTRAINT "HostUserSchema_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Host"("id") ON DELETE CASCADE ON UPDATE CASCADE;

