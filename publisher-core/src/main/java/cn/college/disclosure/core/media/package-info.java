/**
 * Media: the files items refer to (attachments, covers, body images), content-addressed and
 * immutable, in a directory on disk or in S3-compatible object storage, and their REST API.
 */
@NullMarked
package cn.college.disclosure.core.media;

import org.jspecify.annotations.NullMarked;
