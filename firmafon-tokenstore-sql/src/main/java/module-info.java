/** A {@link dk.firmafon.auth.TokenStore} on any R2DBC database (PostgreSQL and H2 schemas shipped). */
module dk.firmafon.tokenstore.sql {
    requires transitive dk.firmafon.auth;
    requires transitive r2dbc.spi;

    exports dk.firmafon.tokenstore.sql;
}
