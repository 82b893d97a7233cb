/** {@link dk.firmafon.tokenstore.redis.RedisTokenStore}: users' OAuth tokens in Redis, compare-and-set by a script. */
@NullMarked
package dk.firmafon.tokenstore.redis;

import org.jspecify.annotations.NullMarked;
