package cn.college.disclosure.contract;

/**
 * An item of the national disclosure catalogue (高等学校信息公开事项清单) as it travels with an event: its
 * number (1–50), its name, and its category (一 to 十).
 *
 * @param number the item's number in the catalogue, 1–50
 * @param name the item's name, e.g. 招生章程、招生计划
 * @param categoryNumber the category's number, 1–10
 * @param categoryName the category's name, e.g. 招生考试信息
 * @param catalogueVersion the version of the catalogue data file the entry came from
 */
public record CatalogueEntry(
        int number,
        String name,
        int categoryNumber,
        String categoryName,
        String catalogueVersion) {}
