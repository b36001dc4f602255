DROP TABLE permit_worker_routes;
