/** The national disclosure catalogue (高等学校信息公开事项清单), loaded from a versioned data file. */
@NullMarked
package cn.college.disclosure.core.catalogue;

import org.jspecify.annotations.NullMarked;
