package dev.watchkeeper.catalog;

import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.identity.ServiceDirectory;

import org.springframework.stereotype.Component;

/** Lets identity bind integration keys to services without depending on the catalog. */
@Component
class CatalogServiceDirectory implements ServiceDirectory {

	private final ServiceStore store;

	CatalogServiceDirectory(ServiceStore store) {
		this.store = store;
	}

	@Override
	public Optional<Entry> bySlug(String slug) {
		return slug == null ? Optional.empty() : store.findBySlug(slug).map(CatalogServiceDirectory::entry);
	}

	@Override
	public Optional<Entry> byId(UUID id) {
		return store.find(new ServiceId(id)).map(CatalogServiceDirectory::entry);
	}

	private static Entry entry(Service service) {
		return new Entry(service.id().value(), service.slug());
	}

}
