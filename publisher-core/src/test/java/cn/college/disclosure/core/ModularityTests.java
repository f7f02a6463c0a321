package cn.college.disclosure.core;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void featuresDependOnEachOtherOnlyThroughTheirApisAndWithoutCycles() {
        ApplicationModules.of(PublisherCoreApplication.class).verify();
    }
}
