package io.posthoggitops.live;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The whole API as three generic calls: the path is a parameter and the answer a raw {@link
 * Response}, so status, headers and body are judged by {@link RequestRunner}, not by the framework.
 * The path is passed already encoded so its slashes (and trailing slash) survive.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface RawApiResource {

  @GET
  @Path("{path}")
  Response get(
      @PathParam("path") @Encoded String path,
      @RestQuery Map<String, String> query,
      @HeaderParam("Authorization") String authorization,
      @HeaderParam("Maton-Connection") String connection);

  @POST
  @Path("{path}")
  @Consumes(MediaType.APPLICATION_JSON)
  Response post(
      @PathParam("path") @Encoded String path,
      @RestQuery Map<String, String> query,
      @HeaderParam("Authorization") String authorization,
      @HeaderParam("Maton-Connection") String connection,
      String body);

  @PATCH
  @Path("{path}")
  @Consumes(MediaType.APPLICATION_JSON)
  Response patch(
      @PathParam("path") @Encoded String path,
      @RestQuery Map<String, String> query,
      @HeaderParam("Authorization") String authorization,
      @HeaderParam("Maton-Connection") String connection,
      String body);
}
