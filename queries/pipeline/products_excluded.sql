-- Lines of run run's window left out of the product analysis as no product: a non-product code
-- (product_codes_out) or a negative unit price (an adjustment), by product code. The loader's own
-- exclusions (exclude.product_ids) never reach transactions; the report lists those from `excluded`.
INSERT INTO product_excluded
SELECT $run, product_id, min(product_name), count(*), sum(amount::DECIMAL(18, 6))::DOUBLE
FROM transactions
WHERE order_date < $as_of::DATE + INTERVAL 1 DAY
  AND ($currency::VARCHAR = '*' OR currency IS NOT DISTINCT FROM $currency::VARCHAR)
  AND NOT coalesce(is_refund, false)
  AND (upper(trim(coalesce(product_id, ''))) IN (SELECT code FROM product_codes_out) OR unit_price < 0)
GROUP BY product_id;
