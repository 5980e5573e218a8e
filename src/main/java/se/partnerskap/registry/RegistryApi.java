package se.partnerskap.registry;

import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Open data: the reference data as JSON. */
@RestController
@RequestMapping("/api/v1")
class RegistryApi {

    private static final CacheControl CACHE = CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic();

    private final Registry registry;

    RegistryApi(Registry registry) {
        this.registry = registry;
    }

    @GetMapping("/municipalities")
    ResponseEntity<List<Municipality>> municipalities() {
        return ResponseEntity.ok().cacheControl(CACHE).body(registry.municipalities());
    }

    @GetMapping("/regions")
    ResponseEntity<List<Region>> regions() {
        return ResponseEntity.ok().cacheControl(CACHE).body(registry.regions());
    }

    @GetMapping("/countries")
    ResponseEntity<List<Country>> countries() {
        return ResponseEntity.ok().cacheControl(CACHE).body(registry.countries());
    }
}
