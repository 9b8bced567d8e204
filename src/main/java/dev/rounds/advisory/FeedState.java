package dev.rounds.advisory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What the last complete fetch of a feed left behind for the next, conditional one. */
@Entity
@Table(name = "feed_state")
public class FeedState extends PanacheEntityBase {

    @Id
    public String url;

    public String etag;

    public String lastModified;

    /** The inventory's software when the feed was matched; another means its advisories must be matched again. */
    public String softwareDigest;

    public int items;

    public Instant fetchedAt;
}
