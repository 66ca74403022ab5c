import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import type { BackupConfig } from "./config";
import type { BackupStore } from "./store";

type S3Config = NonNullable<BackupConfig["s3"]>;

/** Any S3-compatible bucket; credentials come from the SDK's standard chain (AWS_ACCESS_KEY_ID…). */
export function s3Store(config: S3Config): BackupStore {
  const client = new S3Client({
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    // Other S3-compatible services often reject the SDK's default streaming trailer checksums; send them only when required.
    ...(config.endpoint
      ? {
          endpoint: config.endpoint,
          requestChecksumCalculation: "WHEN_REQUIRED",
          responseChecksumValidation: "WHEN_REQUIRED",
        }
      : {}),
  });
  const prefix = config.prefix && !config.prefix.endsWith("/") ? `${config.prefix}/` : config.prefix;
  return {
    location: `s3://${config.bucket}/${prefix}`,
    async put(key, file) {
      const { size } = await fs.promises.stat(file);
      await client.send(
        new PutObjectCommand({
          Bucket: config.bucket,
          Key: `${prefix}${key}`,
          Body: fs.createReadStream(file),
          ContentLength: size,
        }),
      );
    },
    async get(key, file) {
      const response = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: `${prefix}${key}` }));
      if (!(response.Body instanceof Readable)) throw new Error(`s3://${config.bucket}/${prefix}${key} has no body`);
      await pipeline(response.Body, fs.createWriteStream(file));
    },
    async list() {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: config.bucket, Prefix: prefix, ContinuationToken: token }),
        );
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key.slice(prefix.length));
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return keys.filter((key) => key && !key.includes("/")).sort();
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: `${prefix}${key}` }));
    },
  };
}
