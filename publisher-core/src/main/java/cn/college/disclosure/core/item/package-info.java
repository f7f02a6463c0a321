/**
 * Items: the aggregate of an office's publication, its versions and lifecycle, and its REST API.
 */
@NullMarked
package cn.college.disclosure.core.item;

import org.jspecify.annotations.NullMarked;
