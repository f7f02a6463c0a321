package cn.college.disclosure.core.catalogue;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue for the liaisons' item form and the reports. */
@RestController
class CatalogueController {

    private final Catalogue catalogue;

    CatalogueController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/catalogue")
    Catalogue.Document catalogue() {
        return catalogue.document();
    }
}
