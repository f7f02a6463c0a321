package cn.college.disclosure.core.catalogue;

/** A request named a catalogue item that the catalogue in force does not have. */
public class UnknownCatalogueItem extends RuntimeException {

    public UnknownCatalogueItem(int number, String catalogueVersion) {
        super("Catalogue " + catalogueVersion + " has no item " + number);
    }
}
